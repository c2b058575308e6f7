// hoso patch for FerretDB v1.24.2 (internal/backends/sqlite/metadata/pool), applied by scripts/install-servers.sh.
//
// write_lock.go makes each write command atomic by running one at a time in this process. That holds only while this
// process is the only writer of its SQLite files: a second FerretDB on the same folder would interleave its writes
// with ours and lose updates again. So the pool takes an exclusive advisory lock (flock) on <folder>/hoso-ferretdb.lock
// when it opens the folder, and a second process on the same folder refuses to start, naming the folder. The lock is
// held until the process exits (the kernel releases it then, also after SIGKILL), so a crash never leaves it behind.

//go:build unix

package pool

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockFiles keeps the locked files open (and so locked) for the life of the process.
var lockFiles []*os.File

// lockDirectory takes the folder's exclusive lock, or fails when another process holds it.
func lockDirectory(dir string) error {
	name := filepath.Join(dir, "hoso-ferretdb.lock")

	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("hoso: cannot open %s: %w", name, err)
	}

	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()

		return fmt.Errorf(
			"hoso: another FerretDB process is using the SQLite folder %s (%v); one process per folder keeps "+
				"concurrent writes atomic, so this one does not start", dir, err,
		)
	}

	lockFiles = append(lockFiles, f)

	return nil
}
