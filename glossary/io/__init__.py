"""Reading input text safely and writing output files atomically."""
