import MagbuildCLI

Magbuild.main()
