"""``python -m awskg`` runs the same command as ``awskg``."""

from awskg.cli import cli

cli(prog_name="awskg")
