"""One package per screen: view (layout), screen (logic), table_model, dialogs."""
