"""Scale-out recipes: evaluating a partitioned portfolio on an existing cluster engine.

Evaluation is a pure function of each case, so a cluster maps it over the partitions of
a portfolio; :mod:`collabrules.scale.dask` is the tested recipe for Dask (the optional
extra ``collabrules[dask]``), ``docs/scale-out.md`` shows the same map on Spark.
"""
