import { accessTable, TABLE_PARTS } from '../../support/access-table.js';

// The access table (test/support/access-table.ts) for every command, form submission, shortcut and event.
accessTable(TABLE_PARTS.requests);
