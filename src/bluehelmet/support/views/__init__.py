"""Support pages (Capstone §8.1-8.3): the records' lists, details and forms, the mission's
support dashboard and the logistics request page."""
