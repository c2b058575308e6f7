// hoso patch for FerretDB v1.24.2 (internal/handler), applied by scripts/install-servers.sh.
//
// Upstream FerretDB v1 runs a write command as separate steps: it queries the matching documents, applies the update
// operators in Go, and writes the result back. Two concurrent commands on one document therefore both read the old
// version and the second write wins: concurrent $inc lose increments (1,000 became 105), findAndModify upserts hand out
// the same sequence number twice, two updates filtered on {version: 0} both succeed, and concurrent upserts of a new
// _id answer E11000. MongoDB makes each single-document write atomic; the engine relies on that.
//
// This file restores the guarantee for the embedded deployment, where one FerretDB process owns its SQLite files: every
// command that writes runs under one process-wide lock, so a write command's read-modify-write cannot interleave with
// another's. Reads (find, aggregate, count, getMore, ...) do not take the lock (v1.24's aggregate has no $out or
// $merge, so it never writes); each of them reads
// a committed SQLite state, before or after any one write command, as MongoDB's single-document reads do.
//
// SQLite itself admits one writer at a time, so the lock costs little throughput: it only also serialises the Go part
// of each write (decoding, applying operators, encoding). A waiting command gives up when its client disconnects or its
// context ends. HOSO_FERRETDB_CONCURRENT_WRITES=1 turns the lock off; it exists only so that `npm run bench:storage`
// can measure the lock's cost in the same binary, and must never be set for real data.

package handler

import (
	"context"
	"os"

	"github.com/FerretDB/wire"
)

// writeCommands are the commands that change data, indexes or collections.
var writeCommands = []string{
	"collMod", "compact", "create", "createIndexes", "delete", "drop", "dropDatabase", "dropIndexes",
	"findAndModify", "findandmodify", "insert", "renameCollection", "update",
	"createUser", "dropAllUsersFromDatabase", "dropUser", "updateUser",
}

// serializeWrites wraps the handler of each write command so that only one of them runs at a time in this process.
func (h *Handler) serializeWrites() {
	if os.Getenv("HOSO_FERRETDB_CONCURRENT_WRITES") == "1" {
		return
	}

	lock := make(chan struct{}, 1)

	wrap := func(next func(context.Context, *wire.OpMsg) (*wire.OpMsg, error)) func(context.Context, *wire.OpMsg) (*wire.OpMsg, error) {
		return func(ctx context.Context, msg *wire.OpMsg) (*wire.OpMsg, error) {
			select {
			case lock <- struct{}{}:
			case <-ctx.Done():
				return nil, context.Cause(ctx)
			}
			defer func() { <-lock }()

			return next(ctx, msg)
		}
	}

	for _, name := range writeCommands {
		if cmd := h.commands[name]; cmd != nil && cmd.Handler != nil {
			cmd.Handler = wrap(cmd.Handler)
		}
	}
}
