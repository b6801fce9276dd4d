"""What ``briefgen/render/context.py`` still imports from here: the models are pydantic's now,
in ``briefgen.model``. Remove this module when render/ imports them from there."""

from briefgen.model import Model as Model
from briefgen.model import fields_of as fields_of
