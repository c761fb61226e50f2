@echo off
rem The command line of the installed Мөөр, for the IT person and scheduled jobs:
rem   moor-cli.cmd backup --db "%APPDATA%\Мөөр\moor.sqlite" --to E:\ --passphrase-file C:\moor\pass.txt
rem It runs moor.exe --cli with the same arguments and returns its exit code (see moor-cli.cmd help).
"%~dp0moor.exe" --cli %*
exit /b %ERRORLEVEL%
