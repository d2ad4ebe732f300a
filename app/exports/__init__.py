"""What a reader takes away: downloads of the selected rows and how to cite them."""
