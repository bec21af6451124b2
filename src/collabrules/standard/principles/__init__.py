"""The nine standard principles, one module per principle named by its code."""
