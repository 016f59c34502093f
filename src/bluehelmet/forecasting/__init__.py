"""Early-warning forecasts for the Joint Mission Analysis Centre (Capstone §7.2; issue 6).

The pipeline is plain Python on numpy arrays, independent of Django so it can be tested on
small synthetic panels: ``panel`` (area x month counts), ``features`` (what is known at a
month), ``model`` (calibrated gradient boosting), ``backtest`` (rolling-origin evaluation
against persistence and climatology). ``models``, ``actions``, ``tasks``, the API and the pages
store and show the forecasts.
"""
