# Issue 13: the short soak that scripts/test runs (filled in by the soak branch).
