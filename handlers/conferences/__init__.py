"""Conference questions and answers: references, lookup, cards, App Home, calendar files."""
