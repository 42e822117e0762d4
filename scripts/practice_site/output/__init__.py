"""Writing the built site: into a staging folder swapped in whole, or in place (only changed pages) under serve."""
