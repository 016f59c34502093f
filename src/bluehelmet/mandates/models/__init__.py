"""Security Council mandates and the resources that match them (Capstone §1.4, §4.2-4.3).

Split by entity group: resolutions and mandate versions, strength, consultations.
"""

from bluehelmet.mandates.models.consultations import (
    Consultation,
    ConsultationStatus,
    ConsultationTrigger,
)
from bluehelmet.mandates.models.resolutions import (
    DataSource,
    Mandate,
    MandatedTask,
    Resolution,
    TaskPriority,
)
from bluehelmet.mandates.models.strength import (
    AuthorisedStrength,
    DeployedStrength,
    StrengthFigures,
)

__all__ = [
    "AuthorisedStrength",
    "Consultation",
    "ConsultationStatus",
    "ConsultationTrigger",
    "DataSource",
    "DeployedStrength",
    "Mandate",
    "MandatedTask",
    "Resolution",
    "StrengthFigures",
    "TaskPriority",
]
