// hoso patch for FerretDB v1.24.2 (internal/backends/sqlite), applied by scripts/install-servers.sh.
//
// Upstream, the SQLite backend pushes down only a filter that is exactly {_id: <string or ObjectID>}, and even that
// misses the _id index (the query wrote the path as ->'$._id', the index as ->"_id"). Every other query decoded the
// whole collection in Go. This file pushes down a SUPERSET of the filter, written like the index expressions
// indexesCreate makes (DefaultColumn->"field"), so that SQLite can answer from an index. The handler always applies
// the exact filter to what the backend returns, so a superset keeps MongoDB's semantics; only speed changes.
//
// What is pushed down: equality and $in with printable-ASCII strings (and ObjectIDs), and equality and ranges with
// dates and strings, on top-level fields, combined through implicit AND, $and and $or. An equality also matches an
// array field containing the value in MongoDB, so each condition keeps documents whose field holds an array.
// Anything else is left out (no restriction).

package sqlite

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// pushdownField: a plain top-level field name (no dot notation, no operator).
var pushdownField = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// pushdownString: values whose JSON text is the same whoever writes it (no escapes).
var pushdownString = regexp.MustCompile(`^[ !#-%'-;=?-\[\]-~]*$`)

// pushdownCondition returns an SQL condition matching at least every document the filter matches, or "".
func pushdownCondition(filter *types.Document) (string, []any) {
	if filter == nil {
		return "", nil
	}

	var conds []string
	var args []any

	for _, key := range filter.Keys() {
		value := must.NotFail(filter.Get(key))

		var cond string
		var condArgs []any

		switch {
		case key == "$and":
			cond, condArgs = pushdownAnd(value)
		case key == "$or":
			cond, condArgs = pushdownOr(value)
		case pushdownField.MatchString(key):
			cond, condArgs = pushdownFieldCondition(key, value)
		}

		if cond != "" {
			conds = append(conds, cond)
			args = append(args, condArgs...)
		}
	}

	return allOf(conds, args)
}

// allOf: the conditions all required, or "" (no restriction) when there are none.
func allOf(conds []string, args []any) (string, []any) {
	if len(conds) == 0 {
		return "", nil
	}

	return "(" + strings.Join(conds, " AND ") + ")", args
}

// pushdownAnd: the conditions of the branches that can be pushed down, all required.
func pushdownAnd(value any) (string, []any) {
	branches, ok := value.(*types.Array)
	if !ok {
		return "", nil
	}

	var conds []string
	var args []any

	for i := 0; i < branches.Len(); i++ {
		branch, ok := must.NotFail(branches.Get(i)).(*types.Document)
		if !ok {
			continue
		}

		if cond, condArgs := pushdownCondition(branch); cond != "" {
			conds = append(conds, cond)
			args = append(args, condArgs...)
		}
	}

	return allOf(conds, args)
}

// pushdownOr: only when every branch can be pushed down (one unrestricted branch makes the whole $or unrestricted).
func pushdownOr(value any) (string, []any) {
	branches, ok := value.(*types.Array)
	if !ok || branches.Len() == 0 {
		return "", nil
	}

	var conds []string
	var args []any

	for i := 0; i < branches.Len(); i++ {
		branch, ok := must.NotFail(branches.Get(i)).(*types.Document)
		if !ok {
			return "", nil
		}

		cond, condArgs := pushdownCondition(branch)
		if cond == "" {
			return "", nil
		}

		conds = append(conds, cond)
		args = append(args, condArgs...)
	}

	return "(" + strings.Join(conds, " OR ") + ")", args
}

// pushdownFieldCondition: {field: value}, {field: {$eq: value}} or {field: {$in: [values]}}.
func pushdownFieldCondition(field string, value any) (string, []any) {
	if ops, ok := value.(*types.Document); ok {
		var conds []string
		var args []any

		for _, op := range ops.Keys() {
			operand := must.NotFail(ops.Get(op))

			var cond string
			var condArgs []any

			switch op {
			case "$eq":
				if cond, condArgs = pushdownIn(field, []any{operand}); cond == "" {
					cond, condArgs = pushdownCompare(field, "=", operand)
				}
			case "$gt":
				cond, condArgs = pushdownCompare(field, ">", operand)
			case "$gte":
				cond, condArgs = pushdownCompare(field, ">=", operand)
			case "$lt":
				cond, condArgs = pushdownCompare(field, "<", operand)
			case "$lte":
				cond, condArgs = pushdownCompare(field, "<=", operand)
			case "$in":
				if values, ok := operand.(*types.Array); ok && values.Len() > 0 {
					list := make([]any, values.Len())
					for i := range list {
						list[i] = must.NotFail(values.Get(i))
					}

					cond, condArgs = pushdownIn(field, list)
				}
			}

			if cond != "" {
				conds = append(conds, cond)
				args = append(args, condArgs...)
			}
		}

		return allOf(conds, args)
	}

	if cond, args := pushdownIn(field, []any{value}); cond != "" {
		return cond, args
	}

	return pushdownCompare(field, "=", value)
}

// pushdownCompare: the field compared with a date or a string, as MongoDB compares within one type (a date only
// with dates, stored by sjson as integer milliseconds; a string only with strings, by bytes). Documents whose field
// holds another number or an ObjectID may be kept too (the handler drops them), and so are arrays.
func pushdownCompare(field, op string, value any) (string, []any) {
	var jsonType string
	var arg any

	switch v := value.(type) {
	case time.Time:
		jsonType, arg = "integer", v.UnixMilli()
	case string:
		jsonType, arg = "text", v
	default:
		return "", nil
	}

	// field is a plain name (pushdownField), so it can be written into the JSON path as it is.
	return fmt.Sprintf(
		`((json_type(%[1]s, '$.%[2]s') = '%[3]s' AND %[1]s->>'$.%[2]s' %[4]s ?) OR json_type(%[1]s, '$.%[2]s') = 'array')`,
		metadata.DefaultColumn, field, jsonType, op,
	), []any{arg}
}

// pushdownIn: the field equals one of the values, or holds an array (whose elements the handler checks).
func pushdownIn(field string, values []any) (string, []any) {
	args := make([]any, 0, len(values))

	for _, v := range values {
		switch v := v.(type) {
		case string:
			if !pushdownString.MatchString(v) {
				return "", nil
			}
		case types.ObjectID:
		default:
			return "", nil
		}

		args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
	}

	// Written like the index expressions of indexesCreate, so that SQLite matches them.
	column := fmt.Sprintf("%s->%q", metadata.DefaultColumn, field)
	placeholders := strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")

	if field == "_id" {
		// _id is never an array.
		return fmt.Sprintf("%s IN (%s)", column, placeholders), args
	}

	// The JSON text of an array, and only of an array, starts with '['.
	return fmt.Sprintf(`(%[1]s IN (%[2]s) OR (%[1]s >= '[' AND %[1]s < '\'))`, column, placeholders), args
}

// orTrue: the condition of a WHERE clause (" WHERE cond"), or one that is always true.
func orTrue(whereClause string) string {
	if whereClause == "" {
		return "1"
	}

	return strings.TrimPrefix(whereClause, " WHERE ")
}

// pushdownOrderBy returns an ORDER BY clause that reproduces MongoDB's order for a sort on plain top-level fields
// (1 or -1 each): first by MongoDB's order of types (null and missing, numbers, strings, ObjectIDs, booleans,
// dates, timestamps), read from the sjson schema, then by the value. It also returns the condition of the
// documents for which that order is not MongoDB's — a sort field holding an array or a document (MongoDB orders
// those by their elements or fields) or a special double — so that the caller uses the clause only when no
// document of the result meets it. Returns "" when the sort cannot be written.
func pushdownOrderBy(sort *types.Document) (string, string) {
	var terms, unsafe []string

	for _, key := range sort.Keys() {
		if !pushdownField.MatchString(key) {
			return "", ""
		}

		dir, ok := must.NotFail(sort.Get(key)).(int64)
		if !ok || (dir != 1 && dir != -1) {
			return "", ""
		}

		var order string
		if dir == -1 {
			order = " DESC"
		}

		// key is a plain name (pushdownField), so it can be written into the JSON paths as it is.
		jsonType := fmt.Sprintf(`json_type(%s, '$.%s')`, metadata.DefaultColumn, key)
		schemaType := fmt.Sprintf(`(%s->>'$."$s".p.%s.t')`, metadata.DefaultColumn, key)
		rank := fmt.Sprintf(
			`(CASE WHEN %[1]s IS NULL OR %[1]s = 'null' THEN 1 `+
				`WHEN %[2]s IN ('int', 'long', 'double') THEN 2 WHEN %[2]s = 'string' THEN 3 `+
				`WHEN %[2]s = 'objectId' THEN 7 WHEN %[2]s = 'bool' THEN 8 WHEN %[2]s = 'date' THEN 9 `+
				`WHEN %[2]s = 'timestamp' THEN 10 ELSE 11 END)`,
			jsonType, schemaType,
		)

		terms = append(terms, rank+order, fmt.Sprintf(`%s->>'$.%s'%s`, metadata.DefaultColumn, key, order))
		unsafe = append(unsafe, fmt.Sprintf(`%[1]s IN ('array', 'object') OR (%[2]s = 'double' AND %[1]s = 'text')`, jsonType, schemaType))
	}

	if len(terms) == 0 {
		return "", ""
	}

	return " ORDER BY " + strings.Join(terms, ", "), strings.Join(unsafe, " OR ")
}
