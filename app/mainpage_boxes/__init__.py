"""Main-page box plugins: one module per box type of GetMainPages (Qt widgets)."""
