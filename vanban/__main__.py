import sys

from vanban.main import main

sys.exit(main())
