""" "Tell me when": members ask to hear of new conferences and of opening registration."""
