/// The capacitated arc routing solver: see issue 5.
