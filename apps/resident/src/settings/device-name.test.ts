import { describe, expect, it } from 'vitest';
import { deviceName } from './device-name';

describe("a phone's name in the list of sessions", () => {
  it('names the browser and the system, not the whole user agent', () => {
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49',
      ),
    ).toBe('WeChat · iPhone');
    expect(
      deviceName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iPhone');
  });

  it('shows what it does not recognise as it came, cut short', () => {
    expect(deviceName('node')).toBe('node');
    expect(deviceName('x'.repeat(60))).toBe(`${'x'.repeat(40)}…`);
    expect(deviceName('')).toBe('');
  });
});
