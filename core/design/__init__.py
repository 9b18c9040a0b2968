"""Design a network: the page's words, its refusals explained, and the two experiments."""

from core.design.messages import explain_design_error  # noqa: F401  the package's main API
