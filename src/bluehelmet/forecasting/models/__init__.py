from bluehelmet.forecasting.models.runs import Forecast, ForecastRun, RunStatus

__all__ = ["Forecast", "ForecastRun", "RunStatus"]
