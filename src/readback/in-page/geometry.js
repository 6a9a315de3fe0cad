// The page geometry the helpers resolve from the @page rules (text-area.ts).
(h) => h.geometry();
