"""Data protection: what is stored about me, and erasing it."""
