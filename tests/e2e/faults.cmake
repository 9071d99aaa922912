# Issue 13: faults end to end (owned by the faults part; filled in by its branch).
