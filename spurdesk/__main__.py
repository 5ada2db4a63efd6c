from spurdesk.cli import main

raise SystemExit(main())
