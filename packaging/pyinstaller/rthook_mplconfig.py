"""Runtime hook: matplotlib keeps its font cache in a persistent per-user folder (built once, not per launch)."""

import os

if "MPLCONFIGDIR" not in os.environ:
    import platformdirs

    folder = os.path.join(platformdirs.user_cache_dir("srbrief", appauthor=False), "matplotlib")
    os.makedirs(folder, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = folder
