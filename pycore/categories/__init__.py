"""Category-based selection: which category rounds a person's experience opens."""
