"""The explainer's logic: data, models, training, filters, preprocessing. No Streamlit here."""
