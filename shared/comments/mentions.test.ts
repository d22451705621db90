import { describe, expect, it } from 'vitest';
import { findMentions, mentionQueryAt, segmentMentions } from './mentions.ts';

const people = [
  { id: 'cl', name: 'Chile' },
  { id: 'cr', name: 'Costa Rica' },
  { id: 'co', name: 'Colombia' },
];

describe('COM8: mentions are found in plain text', () => {
  it('finds names with spaces, case-insensitively, each once', () => {
    expect(findMentions('@chile and @Costa Rica, then @Chile again', people)).toEqual(['cl', 'cr']);
  });
  it('needs the name to end where a word ends, and the @ to start a word', () => {
    expect(findMentions('@Chileans and mail@Chile', people)).toEqual([]);
    expect(findMentions('(@Chile)', people)).toEqual(['cl']);
  });
  it('cuts the text into plain runs and mentions, keeping every character', () => {
    const segments = segmentMentions('Ask @Colombia <b>now</b>', people);
    expect(segments.map((s) => s.text).join('')).toBe('Ask @Colombia <b>now</b>');
    expect(segments[1]).toEqual({ text: '@Colombia', mention: people[2] });
    expect(segments[2]).toEqual({ text: ' <b>now</b>' });
  });
  it('knows the @word being typed before the caret', () => {
    expect(mentionQueryAt('Hello @Cos', 10)).toEqual({ start: 6, query: 'Cos' });
    expect(mentionQueryAt('mail@x', 6)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });
});
