import { type RefObject, useId } from 'react';
import { Input } from '@mantine/core';

interface FileFieldProps {
  label: string;
  description: string;
  error: string | null;
  accept: string;
  /** The caller reads the chosen file from it and focuses it on an error. */
  inputRef: RefObject<HTMLInputElement | null>;
  /** A new file was chosen (clear the last error and result). */
  onChange: () => void;
}

/** A labelled file input with hint and error, wired for screen readers like Mantine's fields. */
export function FileField({
  label,
  description,
  error,
  accept,
  inputRef,
  onChange,
}: FileFieldProps) {
  const id = useId();
  return (
    <Input.Wrapper label={label} description={description} error={error} id={id}>
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept={accept}
        aria-invalid={error !== null}
        aria-describedby={error === null ? `${id}-description` : `${id}-description ${id}-error`}
        onChange={onChange}
        style={{ display: 'block', marginTop: 6 }}
      />
    </Input.Wrapper>
  );
}
