"""The region view (every partnership side by side) and one partnership's engagement."""
