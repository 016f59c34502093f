"""Integrated planning (Capstone §5.1-5.2 IMPP, §4.3, §7.2): the mission plan and its revisions,
strategic objectives tied to mandated tasks and to the actors who deliver them."""
