"""Pages of the Joint Operations Centre (Capstone §7.2), one module per area."""
