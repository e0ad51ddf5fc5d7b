"""``python -m awskg`` runs the same command as ``awskg``."""

from awskg.cli import main

main()
