// hoso patch for FerretDB v1.24.2: see dir_lock_unix.go. Where flock does not exist, the folder is not locked, and one
// process per SQLite folder is up to whoever starts FerretDB (npm start locks its data folder itself).

//go:build !unix

package pool

func lockDirectory(string) error { return nil }
