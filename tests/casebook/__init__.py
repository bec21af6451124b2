"""The casebook: realistic cases with expectations, and the page generated from them."""
