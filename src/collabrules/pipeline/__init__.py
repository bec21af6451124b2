"""The evaluation pipeline: load, check, structure, derive signals, assess, complete.

:mod:`collabrules.pipeline.engine` runs the steps in order.
"""
