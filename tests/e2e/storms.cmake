# Issue 13: storms end to end (owned by the storms part; filled in by its branch).
