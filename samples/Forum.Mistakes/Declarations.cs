// Mistake: no lawful basis for the service as a whole, so every log, store and transfer of personal data
// outside a declared scope is reported (SP2001 and friends).
