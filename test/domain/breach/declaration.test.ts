import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { declaredFacts, validateDeclaration, type DeclarationInput } from '../../../src/domain/breach/declaration.js';

const now = DateTime.fromISO('2026-10-23T08:00:00Z', { zone: 'utc' });
const input = (over: Partial<DeclarationInput> = {}): DeclarationInput => ({
  title: 'Payroll export sent to wrong recipient',
  description: 'The October payroll export was e-mailed to an external address.',
  awareAt: now.minus({ hours: 2 }).toSeconds(),
  startedAt: null,
  discovery: null,
  role: 'controller',
  processorHours: null,
  systems: null,
  ongoing: 'no',
  responderIds: ['U0RESP'],
  codename: null,
  ...over,
});

describe('declaration validation', () => {
  it('accepts a complete declaration and computes the 72-hour deadline from awareness', () => {
    const r = validateDeclaration(input(), now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.deadlineAt.toISO()).toBe('2026-10-26T06:00:00.000Z');
    expect(r.value.processorHours).toBeNull();
  });

  it("gives a processor the contract's hours, 24 by default", () => {
    const a = validateDeclaration(input({ role: 'processor' }), now);
    const b = validateDeclaration(input({ role: 'processor', processorHours: '36' }), now);
    expect(a.ok && a.value.deadlineAt.diff(a.value.awareAt, 'hours').hours).toBe(24);
    expect(b.ok && b.value.deadlineAt.diff(b.value.awareAt, 'hours').hours).toBe(36);
  });

  it.each<[Partial<DeclarationInput>, string, RegExp]>([
    [{ title: '   ' }, 'title', /short title/],
    [{ title: null }, 'title', /short title/],
    [{ title: 'x'.repeat(81) }, 'title', /80 characters/],
    [{ description: '' }, 'description', /what happened/],
    [{ awareAt: null }, 'awareAt', /became aware/],
    [{ awareAt: now.plus({ hours: 1 }).toSeconds() }, 'awareAt', /cannot be in the future/],
    [{ startedAt: now.minus({ hours: 1 }).toSeconds() }, 'startedAt', /after we became aware/],
    [{ role: 'owner' }, 'role', /role/],
    [{ role: 'processor', processorHours: '2.5' }, 'processorHours', /whole number from 1 to 168/],
    [{ codename: 'c'.repeat(31) }, 'codename', /30 characters/],
  ])('reports %j at its field', (over, field, message) => {
    const r = validateDeclaration(input(over), now);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual([field]);
    expect(r.errors[field as keyof typeof r.errors]).toMatch(message);
  });

  it('accepts awareness long ago (a breach found on Friday, declared on Monday)', () => {
    expect(validateDeclaration(input({ awareAt: now.minus({ days: 4 }).toSeconds() }), now).ok).toBe(true);
  });

  it('warns about personal data in the title once, then keeps it when acknowledged', () => {
    const title = 'Mail to anna@example.dk went astray';
    const first = validateDeclaration(input({ title }), now);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.personalDataWarning).toBe(true);
    expect(first.errors.title).toMatch(/e-mail address.*submit again to keep it/);
    expect(validateDeclaration(input({ title, personalDataAcknowledged: true }), now).ok).toBe(true);
  });

  it('warns about a CPR number in the code name', () => {
    const r = validateDeclaration(input({ codename: '010190-1234' }), now);
    expect(!r.ok && r.errors.codename).toMatch(/CPR number/);
  });
});

describe('declaration: the EDPB template items the reporter may know at once (issue 11)', () => {
  const at = (iso: string) => DateTime.fromISO(iso).toSeconds();

  it('keeps the kind of incident, detection and end times and the reporter\'s function as recorded facts', () => {
    const r = validateDeclaration(input({
      startedAt: at('2026-10-22T08:00:00Z'), detectedAt: at('2026-10-22T09:00:00Z'), endedAt: at('2026-10-22T10:00:00Z'),
      incidentCategory: 'mis_sent', reporterFunction: ' Payroll officer ', ongoing: 'no',
    }), now);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(declaredFacts(r.value)).toEqual({
      incidentCategory: 'mis_sent', detectedAt: '2026-10-22T09:00:00.000Z', endedAt: '2026-10-22T10:00:00.000Z', reporterFunction: 'Payroll officer',
    });
    const plain = validateDeclaration(input(), now);
    expect(plain.ok && declaredFacts(plain.value)).toEqual({});
  });

  it.each<[Partial<DeclarationInput>, string, RegExp]>([
    [{ startedAt: at('2026-10-22T08:00:00Z'), endedAt: at('2026-10-21T08:00:00Z') }, 'endedAt', /cannot have ended before it started/],
    [{ endedAt: at('2026-10-23T09:00:00Z') }, 'endedAt', /cannot be in the future/],
    [{ endedAt: at('2026-10-22T09:00:00Z'), ongoing: 'yes' }, 'endedAt', /No, it has stopped/],
    [{ endedAt: at('2026-10-22T09:00:00Z'), ongoing: 'unknown' }, 'endedAt', /No, it has stopped/],
    [{ startedAt: at('2026-10-22T08:00:00Z'), detectedAt: at('2026-10-22T07:00:00Z') }, 'detectedAt', /cannot have been detected before it started/],
    [{ detectedAt: at('2026-10-23T09:00:00Z') }, 'detectedAt', /cannot be in the future/],
    [{ incidentCategory: 'aliens' }, 'incidentCategory', /listed kinds of incident/],
    [{ reporterFunction: 'x'.repeat(301) }, 'reporterFunction', /at most 300/],
  ])('refuses %j at the field', (over, field, message) => {
    const r = validateDeclaration(input(over), now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field as keyof typeof r.errors]).toMatch(message);
  });

  it('accepts detection after awareness (found later, or noticed again)', () => {
    expect(validateDeclaration(input({ detectedAt: now.minus({ minutes: 30 }).toSeconds() }), now).ok).toBe(true);
  });
});
