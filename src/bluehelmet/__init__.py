"""bluehelmet: UN peacekeeping operations platform built on the 2008 Capstone Doctrine."""

__version__ = "0.1.0"
