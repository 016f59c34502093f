"""Deciding to deploy (Capstone §4.1-4.3, §1.4): crisis situations, strategic assessments,
deployment factors, technical assessment missions, options with their scenarios, success
conditions, force estimates and the decision."""
