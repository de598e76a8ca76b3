from blocs.app import main

main()
