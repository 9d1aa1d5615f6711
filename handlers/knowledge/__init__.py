"""Knowledge base: solution search, cards, the directory of model projects, editing."""
