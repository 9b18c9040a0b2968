"""A concept check: two parallel forms of ten questions, taken before and after the lessons."""
