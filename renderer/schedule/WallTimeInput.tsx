import { TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef } from 'react';

/**
 * A wall-clock time typed as HH:mm (24-hour, the center's time). A plain text box rather than
 * the browser's time input, which shows AM/PM or not depending on the machine's locale.
 */
export const WallTimeInput = forwardRef<HTMLInputElement, TextInputProps>((props, ref) => (
  <TextInput
    ref={ref}
    placeholder="09:00"
    maxLength={5}
    inputMode="numeric"
    autoComplete="off"
    {...props}
  />
));
WallTimeInput.displayName = 'WallTimeInput';
