"""The inspection window and its pages (Översikt, sections A–H, Resultat, Handlingsplan)."""
