package unknowntype

// T exists; Missing does not.
type T struct{ A int }
