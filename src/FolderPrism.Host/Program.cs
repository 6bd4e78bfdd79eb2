// Composition root placeholder: replaced by the foundation work (CLI verbs, serve).
return 0;
